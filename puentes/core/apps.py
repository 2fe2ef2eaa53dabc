from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "puentes.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import public_cache

        # Every committed write bumps the public pages' version (see public_cache).
        connection_created.connect(public_cache.install, dispatch_uid="puentes.public_cache")
