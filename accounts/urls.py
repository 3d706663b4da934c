from django.urls import path

from .views import access_requests, auth, invitations

app_name = "accounts"
urlpatterns = [
    path("konto/anmelden/", auth.login, name="login"),
    path("konto/weiter/", auth.after_login, name="after_login"),
    path("konto/abmelden/", auth.logout, name="logout"),
    path("konto/passwort-vergessen/", auth.password_reset, name="password_reset"),
    path("konto/passwort-vergessen/gesendet/", auth.password_reset_done, name="password_reset_done"),
    path("konto/passwort-neu/<uidb64>/<token>/", auth.password_reset_confirm, name="password_reset_confirm"),
    path("konto/passwort-neu/fertig/", auth.password_reset_complete, name="password_reset_complete"),
    path("konto/passwort-aendern/", auth.password_change, name="password_change"),
    path("konto/passwort-aendern/fertig/", auth.password_change_done, name="password_change_done"),
    path("konto/einladung/<str:token>/", invitations.invitation_accept, name="invitation_accept"),
    path("redaktion/einladen/", invitations.invite, name="invite"),
    path("redaktion/einladen/<int:pk>/zurueckziehen/", invitations.invitation_revoke,
         name="invitation_revoke"),
    path("mitmachen/", access_requests.access_request, name="access_request"),
    path("redaktion/anfragen/", access_requests.requests, name="requests"),
    path("redaktion/anfragen/<int:pk>/", access_requests.request_detail, name="request_detail"),
]
