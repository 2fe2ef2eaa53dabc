"""Every Puentes form renders its fields through one accessible template."""

from django.forms.renderers import TemplatesSetting


class PuentesFormRenderer(TemplatesSetting):
    field_template_name = "core/forms/field.html"
