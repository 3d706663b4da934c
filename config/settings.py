"""Settings for the integration-offers database, all overridable from the environment.

Local defaults are safe for development: SQLite under var/, DEBUG on, a throw-away secret.
Production sets DEBUG=0, SECRET_KEY (or SECRET_KEY_FILE), ALLOWED_HOSTS and DATABASE_URL.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def envint(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def envlist(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = envbool("DEBUG", True)

_DEV_SECRET = "dev-only-insecure-secret-key-change-me-in-production-0123456789"
if os.environ.get("SECRET_KEY_FILE"):
    SECRET_KEY = Path(os.environ["SECRET_KEY_FILE"]).read_text().strip()
else:
    SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET)
if not DEBUG and SECRET_KEY == _DEV_SECRET:
    raise RuntimeError("Set SECRET_KEY (or SECRET_KEY_FILE) when DEBUG is off.")

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "taxonomy",
    "providers",
    "offers",
    "search",
    "api",
    "exchange",
    "pages",
    "demo",
    "notifications",
    "accounts",
    "changes",
    "dashboard",
    "freshness",
    "reports",
    "hsds",
    "opendata",
    "feeds",
    "sharing",
    "landscape",
    "maps",
    "operations",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "config.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Outside LocaleMiddleware: drops its Vary: Accept-Language from API answers (api/middleware.py).
    "api.middleware.LanguageNeutralApiMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "pages.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite (WAL) is the embedded default; DATABASE_URL switches to PostgreSQL (psycopg 3).
SQLITE_PATH = Path(os.environ.get("SQLITE_PATH", BASE_DIR / "var" / "db.sqlite3"))
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=envint("CONN_MAX_AGE", 600), conn_health_checks=True
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            # Opening a connection runs the PRAGMAs below: 43 % of a cached request's time.
            "CONN_MAX_AGE": envint("CONN_MAX_AGE", 600),
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                # IMMEDIATE avoids "database is locked" when a reader upgrades to a writer.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                    "PRAGMA cache_size=-20000;"
                    "PRAGMA mmap_size=268435456;"
                ),
            },
        }
    }
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("TEST", {})["NAME"] = os.environ.get(
        "TEST_DATABASE_NAME", "test_integrationsangebote"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
# Per-process memory cache: facet counts and search results are keyed by the data version,
# so every worker notices a change on its next request without a shared cache.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "integrationsangebote",
        "OPTIONS": {"MAX_ENTRIES": envint("CACHE_MAX_ENTRIES", 5000)},
    }
}

# --- Auth -----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# argon2 first: new and re-hashed passwords use it; the others only read old hashes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# axes first so a locked-out account or address is refused before any password check;
# people log in with their e-mail address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.EmailBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:after_login"
LOGOUT_REDIRECT_URL = "pages:home"
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_RESET_TIMEOUT", 60 * 60 * 24)
# Invitation links (signed, single use) expire after this many days.
INVITATION_MAX_AGE_DAYS = envint("INVITATION_MAX_AGE_DAYS", 14)

# Login throttling (django-axes): 10 failures for one account *or* one address within
# 15 minutes lock further attempts for 15 minutes.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_ENABLED = envbool("AXES_ENABLED", True)
AXES_VERBOSE = False
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 60 * 60 * 12)

# --- Internationalisation ---------------------------------------------------------------------
LANGUAGE_CODE = "de"
# German is the source language; ar and fa are right-to-left (Django's LANGUAGES_BIDI).
# The language lives in the URL (/de/…, /ar/…); "/" picks one from Accept-Language.
LANGUAGES = [
    ("de", _("Deutsch")),
    ("en", _("Englisch")),
    ("ar", _("Arabisch")),
    ("fa", _("Persisch")),
    ("tr", _("Türkisch")),
    ("uk", _("Ukrainisch")),
    ("ru", _("Russisch")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600 if DEBUG else 31536000

# --- Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if envbool("SECURE_HSTS_PRELOAD", False) is False:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]  # HSTS preload is the operator's choice

# A strict Content-Security-Policy: nothing inline, nothing from other origins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Map ------------------------------------------------------------------------------------
# The search's map (maps/) is an SVG drawn here. With a tile server of the operator's own, e.g.
# "https://tiles.example.org/{z}/{x}/{y}.png", the map page adds an interactive map (Leaflet,
# served from our static files) whose tiles come from there: only then may images come from
# that origin ({s} subdomains become a wildcard). Empty: no request goes anywhere else.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "").strip()
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "").strip()
if MAP_TILE_URL:
    _tiles = urlsplit(MAP_TILE_URL.replace("{s}", "*"))
    if _tiles.scheme not in ("https", "http") or not _tiles.netloc:
        raise RuntimeError("MAP_TILE_URL must be an http(s) URL such as https://tiles.example.org/{z}/{x}/{y}.png")
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(f"{_tiles.scheme}://{_tiles.netloc}")

# --- Site -----------------------------------------------------------------------------------
# Translated into the page's language unless the operator sets a name of their own.
SITE_NAME = os.environ.get("SITE_NAME") or _("Integrationsangebote im Kreis Recklinghausen")
SEARCH_PAGE_SIZE = envint("SEARCH_PAGE_SIZE", 20)

# --- Open data ------------------------------------------------------------------------------
# The licence of the published data (the open-data package, the APIs' metadata); the operator
# decides it. The default is the usual licence of German public-sector data.
OPEN_DATA_LICENCE = os.environ.get(
    "OPEN_DATA_LICENCE", "Datenlizenz Deutschland – Namensnennung – Version 2.0")
OPEN_DATA_LICENCE_URL = os.environ.get("OPEN_DATA_LICENCE_URL", "https://www.govdata.de/dl-de/by-2-0")
OPEN_DATA_LICENCE_ID = os.environ.get("OPEN_DATA_LICENCE_ID", "dl-de-by-2.0")
OPEN_DATA_PUBLISHER = os.environ.get(
    "OPEN_DATA_PUBLISHER", "Kreis Recklinghausen, Kommunales Integrationszentrum")
# Where generated open-data packages are kept (regenerated when the data changes).
OPEN_DATA_DIR = Path(os.environ.get("OPEN_DATA_DIR", BASE_DIR / "var" / "opendata"))

# --- Embedding ------------------------------------------------------------------------------
# Which sites may show /embed/ pages in a frame (CSP frame-ancestors), separated by spaces,
# e.g. "https://www.kreis-re.de https://www.marl.de". Every other page may not be framed.
EMBED_FRAME_ANCESTORS = os.environ.get("EMBED_FRAME_ANCESTORS", "'self'").split()

# Absolute links in e-mails (reminders, invitations, password reset) start with this.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The integration centre (KI): receives reports, account requests and overdue notices.
KI_EMAIL = os.environ.get("KI_EMAIL", "integration@kreis-re.example.org")

# --- E-mail ---------------------------------------------------------------------------------
# The console backend locally; production sets EMAIL_BACKEND=django.core.mail.backends.smtp.
# EmailBackend and the EMAIL_HOST… variables.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "integration@kreis-re.example.org")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 20)
EMAIL_SUBJECT_PREFIX = os.environ.get("EMAIL_SUBJECT_PREFIX", "[Integrationsangebote] ")

# --- Freshness ------------------------------------------------------------------------------
# An offer not confirmed for REVIEW_INTERVAL_MONTHS gets reminders; one not confirmed for
# HIDE_AFTER_MONTHS leaves the public search until someone confirms it.
REVIEW_INTERVAL_MONTHS = envint("REVIEW_INTERVAL_MONTHS", 6)
HIDE_AFTER_MONTHS = envint("HIDE_AFTER_MONTHS", 12)
# The one-click "still current" link in a reminder works for this many days.
CONFIRM_LINK_MAX_AGE_DAYS = envint("CONFIRM_LINK_MAX_AGE_DAYS", 42)

# --- Public reports ("Fehler melden") ---------------------------------------------------------
REPORTS_PER_ADDRESS_PER_HOUR = envint("REPORTS_PER_ADDRESS_PER_HOUR", 5)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
