"""The partnership workspace: comments (mailed to the members) and phases keep all or nothing."""

from puentes.core.testing.faults import assert_all_or_nothing
from puentes.partnerships.comments import comment_create, comment_delete
from puentes.partnerships.models import Comment, Partnership
from puentes.partnerships.phases import partnership_change_phase
from puentes.partnerships.tests.conftest import NOW


def test_a_mentor_s_comment_keeps_nothing_when_any_write_fails(ws):
    # when the mentor comments (comment, entry, a mail to each member with an account)
    def run():
        comment_create(
            partnership=Partnership.objects.get(pk=ws.partnership.pk),
            body="Bra start! Glöm inte budgeten.",
            language="sv",
            by=ws.users["mentor"],
            now=NOW,
            base_url="https://puentes.example/",
        )

    # then a refused write leaves no comment and tells nobody
    log = assert_all_or_nothing(run, min_writes=3)
    assert "core_outboxmessage" in log.tables


def test_deleting_a_comment_keeps_it_when_any_write_fails(ws):
    comment = comment_create(
        partnership=ws.partnership,
        body="Ett misstag.",
        language="sv",
        by=ws.users["swede"],
        now=NOW,
        base_url="https://puentes.example/",
    )

    def run():
        comment_delete(comment=Comment.objects.get(pk=comment.pk), by=ws.users["swede"], now=NOW)

    assert_all_or_nothing(run)


def test_a_change_of_phase_keeps_nothing_when_any_write_fails(ws):
    def run():
        partnership_change_phase(
            partnership=Partnership.objects.get(pk=ws.partnership.pk),
            phase=Partnership.Phase.INCEPTION,
            reason="",
            by=ws.users["coordinator"],
            now=NOW,
        )

    assert_all_or_nothing(run)
