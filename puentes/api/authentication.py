"""Who calls the API: `Authorization: Bearer <token>`, a token a coordinator made in the
admin. Signed-in browser sessions are not accepted, so the API needs no CSRF protection."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .models import ApiToken

# The time of last use is written at most this often, not on every request.
LAST_USE_RESOLUTION = datetime.timedelta(minutes=10)


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0] != self.keyword:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("The Authorization header is malformed."))
        token = ApiToken.objects.matching(header[1]).select_related("user").first()
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("The token is not valid."))
        self._note_use(token)
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword

    @staticmethod
    def _note_use(token: ApiToken) -> None:
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USE_RESOLUTION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
