"""The exports page's two forms: which export to download, and a file to import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from puentes.core.i18n import pick
from puentes.networks.models import Network

from .tables import TABLES, Scope

FORMATS = [("csv", "CSV"), ("xlsx", "XLSX")]


def scope_choices(networks) -> list:
    """Per network (an option group): the whole network, then each of its calls."""
    groups = []
    for network in networks:
        name = pick(network.names)[0] or network.slug
        options = [(f"network-{network.pk}", _("%(network)s: every call") % {"network": name})]
        options += [
            (f"call-{call.pk}", f"{name}: {pick(call.titles)[0] or call.slug}")
            for call in network.calls.all()
        ]
        groups.append((name, options))
    return groups


class ExportForm(forms.Form):
    scope = forms.ChoiceField(label=_("Network or call"))
    kind = forms.ChoiceField(label=_("What to export"), widget=forms.RadioSelect)
    format = forms.ChoiceField(
        label=_("File format"), choices=FORMATS, initial="csv", widget=forms.RadioSelect
    )

    def __init__(self, *args, networks, **kwargs):
        super().__init__(*args, **kwargs)
        self.networks = {network.pk: network for network in networks}
        self.fields["scope"].choices = scope_choices(networks)
        self.fields["kind"].choices = [(slug, table.title) for slug, table in TABLES.items()]

    def cleaned_scope(self) -> Scope:
        kind, _sep, pk = self.cleaned_data["scope"].partition("-")
        for network in self.networks.values():
            if kind == "network" and str(network.pk) == pk:
                return Scope(network=network)
            for call in network.calls.all():
                if kind == "call" and str(call.pk) == pk:
                    return Scope(network=network, call=call)
        raise AssertionError("a valid choice names a network or a call")


class ImportForm(forms.Form):
    network = forms.ModelChoiceField(
        label=_("Network"), queryset=Network.objects.order_by("slug"), empty_label=None
    )
    file = forms.FileField(
        label=_("CSV file of indicator values"),
        help_text=_(
            "The export of indicator values as CSV, with your changes. Only the columns "
            "value, women, men and other are read; nothing is saved until you confirm."
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].label_from_instance = lambda n: pick(n.names)[0] or n.slug
