from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from .filters import LARGEST_ID


class BoundedIdMixin:
    """A record id larger than the databases hold is simply not found (rather than an
    overflow inside the database driver)."""

    def get_object(self):
        value = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field)
        if self.lookup_field == "pk" and int(value) > LARGEST_ID:
            raise exceptions.NotFound
        return super().get_object()


class ListView(generics.ListAPIView):
    pass


class DetailView(BoundedIdMixin, generics.RetrieveAPIView):
    pass


@extend_schema(exclude=True)
class NotFoundView(APIView):
    """Any other address under /api/v1/ answers 404 in the API's error shape, not an HTML page."""

    permission_classes = [AllowAny]
    authentication_classes = []

    def dispatch_not_found(self, request, *args, **kwargs):
        raise exceptions.NotFound

    get = post = put = patch = delete = head = options = dispatch_not_found
