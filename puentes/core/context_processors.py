from django.conf import settings


def site(request):
    return {
        "PUENTES_LANGUAGES": settings.LANGUAGES,
    }
