import datetime
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import translation

from puentes.documents.services import document_upload
from puentes.networks.demo import demo_load
from puentes.partnerships.models import Partnership
from puentes.people.models import User
from puentes.people.tests.factories import UserFactory
from puentes.places.testing import load_reference_data_for_tests


@pytest.fixture(autouse=True)
def _commands_in_english():
    """The commands' messages are translated; these tests read them in English, the
    language an operator's terminal gets when LANGUAGE_CODE is not active (sv in tests)."""
    with translation.override("en"):
        yield


NOW = datetime.datetime(2025, 3, 1, 12, 0, tzinfo=datetime.UTC)
UPLOADED = "Kommun;Deltagare\nLessebo;12\nTotonicapán;19\n".encode()


@pytest.fixture
def demo_world(transactional_db):
    """The demo network (with its two documents) and one more upload of our own."""
    load_reference_data_for_tests()
    demo_load(now=NOW)
    partnership = Partnership.objects.get(swedish_organisation__name="Lessebo")
    return document_upload(
        partnership=partnership,
        uploaded_file=ContentFile(UPLOADED, name="deltagare.csv"),
        title="Deltagare per kommun",
        language="sv",
        by=User.objects.get(email="lessebo@demo.puentes.test"),
        now=NOW,
    )


@pytest.fixture
def small_world(transactional_db):
    """Two accounts and one uploaded file: enough for what restore refuses."""
    users = UserFactory.create_batch(2)
    folder = Path(settings.MEDIA_ROOT) / "documents"
    folder.mkdir(parents=True)
    (folder / "upload").write_bytes(UPLOADED)
    return users


def media_contents() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def rewrite_manifest(archive: Path, change, replace: dict[str, bytes] | None = None) -> None:
    """Rewrite the archive with `change(manifest)` applied to its manifest, and the files
    named in `replace` given new content."""
    replace = replace or {}
    with tarfile.open(archive, "r:gz") as source:
        members = [(member, source.extractfile(member)) for member in source.getmembers()]
        contents = [(member, stream.read() if stream else None) for member, stream in members]
    with tarfile.open(archive, "w:gz") as target:
        for member, data in contents:
            if member.name in replace:
                data = replace[member.name]
                member.size = len(data)
            if member.name == "manifest.json":
                manifest = json.loads(data)
                change(manifest)
                data = json.dumps(manifest).encode()
                member.size = len(data)
            target.addfile(member, io.BytesIO(data) if data is not None else None)
