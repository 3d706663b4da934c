import os

import pytest

from operations import prodserver


@pytest.fixture(scope="session")
def prod_site(tmp_path_factory):
    """The production server's scratch site (demo data, collected static files), prepared once
    for the load and crash tests; its PostgreSQL database is dropped afterwards."""
    site = prodserver.ProdSite(tmp_path_factory.mktemp("prodsite"), f"g3_site_{os.getpid()}")
    site.prepare()
    yield site
    site.drop()
