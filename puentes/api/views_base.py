from rest_framework import exceptions, generics

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
