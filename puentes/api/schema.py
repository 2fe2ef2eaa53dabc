"""The OpenAPI document: every operation lists the errors it can answer, all in the one error
shape (errors.py), and the coordinators' token is described as a bearer scheme."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

from .permissions import IsCoordinator


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Stable, for programs: e.g. not_found, invalid.")
    message = serializers.CharField(help_text="A sentence for people.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Each refused input and its messages; empty when the error is not about input.",
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


ERROR_DESCRIPTIONS = {
    "400": "The request is not valid (`fields` says which input and why).",
    "401": "No token, or a token that is not valid.",
    "403": "The token's user is not a coordinator.",
    "404": "No such record, or not one the caller may see.",
    "405": "The method is not allowed here.",
    "406": "The API answers JSON only.",
    "409": "The record's current state does not allow the change.",
    "415": "Send the body as JSON.",
    "500": "Something went wrong on the server.",
    "503": "The database cannot be reached right now; try again after Retry-After seconds.",
}


class ErrorDocumentingAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = ["400", "401", "404", "405", "406", "500", "503"]
        if any(isinstance(p, IsCoordinator) for p in self.view.get_permissions()):
            codes.append("403")
        if self.method in ("POST", "PUT", "PATCH"):
            codes += ["409", "415"]
        for code in sorted(codes):
            if code not in responses:
                response = self._get_response_for_code(ErrorSerializer, code, direction=direction)
                response["description"] = ERROR_DESCRIPTIONS[code]
                responses[code] = response
        return responses


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "puentes.api.authentication.TokenAuthentication"
    name = "coordinatorToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A coordinator's API token, made in the admin under API tokens.",
        }
