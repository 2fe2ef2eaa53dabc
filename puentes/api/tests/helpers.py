import json


class ApiClient:
    """Django's test client speaking JSON, with a token when given one."""

    def __init__(self, client, secret: str = ""):
        self.client = client
        self.headers = {"Authorization": f"Bearer {secret}"} if secret else {}

    def get(self, path, data=None, **headers):
        return self.client.get(path, data, headers={**self.headers, **headers})

    def post(self, path, body=None, **headers):
        return self.client.post(
            path,
            json.dumps(body if body is not None else {}),
            content_type="application/json",
            headers={**self.headers, **headers},
        )


def error_of(response) -> dict:
    """The error of an answer in the API's one error shape (and nothing else in the body)."""
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message", "fields"}, body
    assert body["error"]["message"]
    return body["error"]
