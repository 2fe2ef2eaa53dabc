import shutil

import pytest

from puentes.places.services import DATA_DIR
from puentes.places.testing import load_reference_data_for_tests


@pytest.fixture
def reference_data(db):
    """The real reference data, loaded through the service; returns the load's summary."""
    return load_reference_data_for_tests()


@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of the shipped CSV files, for tests that change a file."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


@pytest.fixture
def superuser_client(client, django_user_model):
    """A client signed in to the admin as a superuser with two-factor authentication set up."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = django_user_model.objects.create_superuser(email="root@example.org")
    TOTP.activate(user, generate_totp_secret())
    # The first authentication backend only grants permissions and cannot load a user.
    client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
    return client
