from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "puentes.people"
    label = "people"
    verbose_name = _("People and accounts")

    def ready(self) -> None:
        from . import security_log, session_timeout

        security_log.connect()
        session_timeout.connect()
