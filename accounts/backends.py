"""Log in with the e-mail address (case-insensitive) instead of a user name."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        User = get_user_model()
        user = (User.objects.filter(email__iexact=username.strip()).order_by("pk").first()
                or User.objects.filter(username=username.strip()).first())
        if user is None:
            User().set_password(password)  # same time as a real check: no account probing
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
