"""Access policies per area. Each module here (other than policy.py) may define:

- ``EXPECTED``: {url name: policy(...)} for the URL patterns of its area;
- ``EXAMPLE_KWARGS``: {url name: lambda world: kwargs} for patterns that take arguments;
- ``ADMIN_APPS``: {app label: MANAGES / READS / NO_ACCESS} for its models in the admin;
- ``populate(world)``: adds the records its URLs need to the matrix's world (organisation A
  is ``world.organisation_a``, B ``world.organisation_b``; store what you create as
  attributes of ``world``);
- ``request_headers(role, world)``: headers sent with every request of that role (the API's
  tokens; other pages ignore them).

tests/test_access_matrix.py merges them all, so areas never edit each other's tables.
"""

import importlib
import pkgutil


def extensions():
    for info in pkgutil.iter_modules(__path__):
        if info.name != "policy":
            yield importlib.import_module(f"{__name__}.{info.name}")
