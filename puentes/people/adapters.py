"""django-allauth, adapted: its mail (verification, password reset…) goes through the outbox
like every other message, so it is not lost while the mail server is down; its rate limits
count the client's real address; a throttled sign-in is a security event."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import get_language

from puentes.core.mail import mail_store
from puentes.core.ratelimit import client_address

from . import security_log


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        # One rule for every rate limit: X-Forwarded-For counts only behind our own proxy
        # (PUENTES_BEHIND_PROXY), so a visitor cannot pick a fresh address per attempt.
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine the client's address.")
        return address

    def pre_authenticate(self, request, **credentials) -> None:
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            login = credentials.get("email") or credentials.get("username") or ""
            security_log.log_attempt(
                security_log.SIGN_IN_THROTTLED, request=request, login=str(login)
            )
            raise

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {
                "request": request,
                "email": email,
                "current_site": get_current_site(request),
                **context,
            },
        )
        html = next(
            (
                body
                for body, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        text = message.body if message.content_subtype == "plain" else ""
        language = (get_language() or settings.LANGUAGE_CODE)[:2]
        mail_store(
            to=email,
            subject=message.subject,
            text=text or html,
            html=html if text else "",
            language=language,
            kind=f"account:{template_prefix.rsplit('/', 1)[-1]}",
            now=timezone.now(),
        )
