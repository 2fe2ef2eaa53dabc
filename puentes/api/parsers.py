"""The API's JSON parser: DRF's, answering 400 to JSON nested too deep to parse.

Python's json module raises RecursionError (not ValueError) on a body such as ``[`` repeated
100 000 times; DRF's parser only turns ValueError into a 400, so such a body was a 500."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class JSONParserRefusingDeepNesting(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError(_("The JSON is nested too deeply to read.")) from exc
