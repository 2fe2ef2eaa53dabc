"""API tokens in the admin: a coordinator makes a token for themselves (it is shown once, on
the page that follows, and only its hash is kept) and any coordinator can revoke one by
deleting it. Both go through the services, so the audit trail records them."""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils import timezone

from .models import ApiToken
from .services import token_create, token_revoke


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "user", "created_at", "last_used_at"]
    list_select_related = ["user"]
    search_fields = ["name", "prefix", "user__email"]
    readonly_fields = ["name", "prefix", "user", "created_at", "last_used_at"]

    # The people backend lists the apps coordinators manage; tokens are theirs too.
    def _coordinator(self, request) -> bool:
        return request.user.is_active and (request.user.is_superuser or request.user.is_coordinator)

    def has_module_permission(self, request):
        return self._coordinator(request)

    def has_view_permission(self, request, obj=None):
        return self._coordinator(request)

    def has_add_permission(self, request):
        return self._coordinator(request)

    def has_change_permission(self, request, obj=None):
        return self._coordinator(request)

    def has_delete_permission(self, request, obj=None):
        return self._coordinator(request)

    def get_fields(self, request, obj=None):
        return self.readonly_fields if obj else ["name"]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            return
        token, secret = token_create(
            user=request.user, name=form.cleaned_data["name"], now=timezone.now()
        )
        obj.__dict__.update(token.__dict__)
        obj._secret = secret

    def response_add(self, request, obj, post_url_continue=None):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "token": obj,
            "secret": obj._secret,
            "title": obj.name,
        }
        return TemplateResponse(request, "api/token_created.html", context)

    def delete_model(self, request, obj):
        token_revoke(token=obj, by=request.user, now=timezone.now())

    def delete_queryset(self, request, queryset):
        now = timezone.now()
        for token in queryset.select_related("user"):
            token_revoke(token=token, by=request.user, now=now)
