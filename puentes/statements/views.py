"""The accessibility statement with its feedback form, and the cookie statement: public pages."""

from datetime import date

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from puentes.core.ratelimit import client_address, rate_limit_hit

from .cookies import cookies_in_use
from .feedback import accessibility_feedback_send
from .forms import FeedbackForm

# Anyone may write: a visitor a few reports an hour, and the secretariat at most a day's
# worth however many visitors write, so that the form cannot flood its mailbox.
FEEDBACK_LIMIT_PER_ADDRESS = (5, 60 * 60)
FEEDBACK_LIMIT_OVERALL = (200, 24 * 60 * 60)
# The date the statements were last reviewed; change it with their text (docs/statements.md).
STATEMENT_UPDATED = date(2026, 11, 28)
STATEMENT_MADE = date(2026, 11, 28)


def _within_limits(request) -> bool:
    limit, window = FEEDBACK_LIMIT_PER_ADDRESS
    if not rate_limit_hit(
        scope="a11y-feedback-address",
        key=client_address(request),
        limit=limit,
        window_seconds=window,
    ):
        return False
    limit, window = FEEDBACK_LIMIT_OVERALL
    return rate_limit_hit(scope="a11y-feedback", key="all", limit=limit, window_seconds=window)


@require_http_methods(["GET", "HEAD", "POST"])
def accessibility(request):
    sent_url = reverse("statements:feedback_sent")
    form, status = FeedbackForm(), 200
    if request.method == "POST":
        if FeedbackForm.is_from_a_robot(request.POST):
            return redirect(sent_url)  # a robot is told it worked, and nothing is sent
        form = FeedbackForm(request.POST)
        if form.is_valid():
            if not _within_limits(request):
                form.add_error(
                    None,
                    _(
                        "Many reports have been sent from here in a short time. Please wait an "
                        "hour and send it again: your text is kept below."
                    ),
                )
                status = 429
            else:
                accessibility_feedback_send(**form.cleaned_data_for_mail(), now=timezone.now())
                return redirect(sent_url)
        else:
            status = 400
    context = {
        "form": form,
        "made": STATEMENT_MADE,
        "updated": STATEMENT_UPDATED,
    }
    return render(request, "statements/accessibility.html", context, status=status)


@require_http_methods(["GET", "HEAD"])
def feedback_sent(request):
    return render(request, "statements/feedback_sent.html")


@require_http_methods(["GET", "HEAD"])
def cookies(request):
    context = {"cookies": cookies_in_use(), "updated": STATEMENT_UPDATED}
    return render(request, "statements/cookies.html", context)
