"""Admin for accounts, people and their roles: the e-mail address is the account's identifier."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from puentes.core.forms import TranslatedField, TranslatedTextModelForm, language_field_name
from puentes.core.i18n import LANGUAGE_CODES

from .models import Membership, NetworkRole, Person, PrivacyNotice, User
from .services import PrivacyNoticeError, privacy_notice_publish


def _normalised_new_email(form) -> str:
    email = form.cleaned_data["email"].strip().lower()
    others = User.objects.filter(email__iexact=email).exclude(pk=form.instance.pk)
    if others.exists():
        raise ValidationError(_("Another account already uses this e-mail address."))
    return email


class AccountCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)

    def clean_email(self):
        return _normalised_new_email(self)


class AccountChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"

    def clean_email(self):
        return _normalised_new_email(self)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    # Admin rights come from a coordinator role (see backends.py), so the staff flag, groups
    # and per-user permissions are left out rather than offered as a second way in.
    form = AccountChangeForm
    add_form = AccountCreationForm
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Access"), {"fields": ("is_active", "is_superuser")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")
    list_display = ("email", "person", "is_active", "is_superuser", "last_login", "date_joined")
    list_filter = ("is_active", "is_superuser")
    list_select_related = ("person",)
    search_fields = ("email", "person__name")
    ordering = ("email",)
    filter_horizontal = ()


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ("organisation", "position")
    raw_id_fields = ("organisation",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation")


class NetworkRoleInline(admin.TabularInline):
    model = NetworkRole
    extra = 0
    fields = ("network", "role")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name", "email", "role", "preferred_language", "user", "is_demo")
    list_filter = ("role", "preferred_language", "is_demo", "memberships__organisation__country")
    list_select_related = ("user",)
    search_fields = ("name", "email", "user__email", "memberships__organisation__name")
    raw_id_fields = ("user",)
    readonly_fields = ("created_at", "updated_at")
    inlines = (MembershipInline, NetworkRoleInline)
    fieldsets = (
        (None, {"fields": ("name", "email", "phone", "role", "title", "user")}),
        (_("Languages"), {"fields": ("languages", "preferred_language")}),
        (
            _("Gender (only with consent)"),
            {"fields": ("gender", "gender_consent_at")},
        ),
        (None, {"fields": ("is_demo", "created_at", "updated_at")}),
    )


@admin.register(NetworkRole)
class NetworkRoleAdmin(admin.ModelAdmin):
    list_display = ("person", "role", "network", "created_at")
    list_filter = ("role", "network")
    list_select_related = ("person", "network")
    search_fields = ("person__name", "person__email", "person__user__email")
    raw_id_fields = ("person",)


class PrivacyNoticeForm(TranslatedTextModelForm):
    translated_fields = (TranslatedField("texts", _("text"), multiline=True, required=True),)

    class Meta:
        model = PrivacyNotice
        fields = ["version"]

    def clean(self):
        cleaned_data = super().clean()
        for code in LANGUAGE_CODES:
            if not (cleaned_data.get(language_field_name("texts", code)) or "").strip():
                self.add_error(
                    language_field_name("texts", code),
                    _("Give the notice's text in Swedish, Spanish and English."),
                )
        return cleaned_data


@admin.register(PrivacyNotice)
class PrivacyNoticeAdmin(admin.ModelAdmin):
    """Publishing a version is adding one; a published version is never rewritten, because
    consents point at the words the person read. A changed text is a new version."""

    form = PrivacyNoticeForm
    list_display = ("version", "published_at")
    fields = ["version", *(language_field_name("texts", code) for code in LANGUAGE_CODES)]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def get_fields(self, request, obj=None):
        if obj is None:
            return self.fields
        return ["version", "published_at", "texts"]

    def save_model(self, request, obj, form, change):
        try:
            published = privacy_notice_publish(
                version=obj.version, texts=obj.texts, now=timezone.now()
            )
        except PrivacyNoticeError as exc:
            raise ValidationError(exc.message) from exc
        obj.pk, obj.published_at = published.pk, published.published_at
        obj.created_at, obj.updated_at = published.created_at, published.updated_at
