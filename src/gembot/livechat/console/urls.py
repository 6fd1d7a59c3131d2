from django.contrib.auth import views as auth_views
from django.urls import path

from gembot.livechat.console import views

urlpatterns = [
    path("", views.console, name="livechat-console"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="livechat/console/login.html",
            next_page="livechat-console",
            redirect_authenticated_user=True,
        ),
        name="livechat-login",
    ),
    path(
        "logout/",
        auth_views.LogoutView.as_view(next_page="livechat-login"),
        name="livechat-logout",
    ),
]
