"""The privacy app in the admin: retention policies are edited here, erasures are listed, and
coordinators erase a person on the erasure page (through person_erase, like the person's own
request). Erasure records are never added, changed or deleted by hand."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from puentes.core.admin_readonly import ReadOnlyAdminMixin
from puentes.people.models import Membership, Person

from .erasure import AlreadyErased, person_erase
from .models import Erasure, RetentionPolicy


@admin.register(RetentionPolicy)
class RetentionPolicyAdmin(admin.ModelAdmin):
    list_display = ["kind", "period_days", "is_active"]
    fields = ["kind", "period_days", "is_active", "description"]
    readonly_fields = ["kind"]

    def has_add_permission(self, request):
        # One row per kind, seeded by a migration: a new kind needs code that applies it.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PersonEraseForm(forms.Form):
    # A programme has 20,000 people: a select of them all weighed over a megabyte (issue
    # #8). The admin's raw-id box takes the person's number, with a link to look them up.
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Person.objects.filter(erasure__isnull=True),
        widget=widgets.ForeignKeyRawIdWidget(
            Membership._meta.get_field("person").remote_field, admin.site
        ),
    )
    confirm = forms.BooleanField(
        label=_("I understand that this erases the person's data and cannot be undone.")
    )


@admin.register(Erasure)
class ErasureAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "reason", "erased_at", "by"]
    list_filter = ["reason"]
    fields = ["person_pk", "reason", "erased_at", "by"]
    change_list_template = "admin/privacy/erasure/change_list.html"

    def get_urls(self):
        erase = self.admin_site.admin_view(self.erase_view)
        return [path("erase/", erase, name="privacy_erasure_erase"), *super().get_urls()]

    def erase_view(self, request):
        # ?person=<number> names the person to erase (the raw-id box shows their name).
        form = PersonEraseForm(request.POST or None, initial={"person": request.GET.get("person")})
        if request.method == "POST" and form.is_valid():
            try:
                erasure = person_erase(
                    person=form.cleaned_data["person"],
                    by=request.user,
                    now=timezone.now(),
                    reason=Erasure.Reason.COORDINATOR,
                )
            except AlreadyErased:
                self.message_user(request, _("This person was erased before."), messages.WARNING)
            else:
                self.message_user(request, _("%(erasure)s.") % {"erasure": erasure})
            return redirect("admin:privacy_erasure_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Erase a person"),
            "form": form,
        }
        return TemplateResponse(request, "admin/privacy/erasure/erase.html", context)
