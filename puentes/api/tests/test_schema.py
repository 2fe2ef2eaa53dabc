"""The OpenAPI document and the interactive documentation, served from our own files."""

import re

from django.test import Client


def test_the_openapi_document_describes_every_endpoint_and_the_error_shape(db):
    response = Client().get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/networks/", "/api/v1/interests/{id}/decision/"} <= set(schema["paths"])
    decision = schema["paths"]["/api/v1/interests/{id}/decision/"]["post"]
    assert decision["security"] == [{"coordinatorToken": []}]
    for code in ("400", "401", "403", "404", "409"):
        content = decision["responses"][code]["content"]["application/json"]
        assert content["schema"] == {"$ref": "#/components/schemas/Error"}
    assert schema["components"]["securitySchemes"]["coordinatorToken"]["scheme"] == "bearer"


def test_the_interactive_documentation_loads_nothing_from_elsewhere(db):
    response = Client().get("/api/v1/docs/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    addresses = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert "<noscript><p>" in page and 'href="/api/v1/openapi.json"' in page
    assert addresses and not [a for a in addresses if a.startswith(("http:", "https:", "//"))]
