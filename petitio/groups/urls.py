from django.urls import path

from . import views

app_name = "groups"

urlpatterns = [
    path("groups/join/", views.join, name="join"),
    path("groups/join/check-your-inbox/", views.join_check_inbox, name="join_check_inbox"),
    path("groups/join/confirm/<str:token>/", views.join_confirm, name="join_confirm"),
    path("groups/join/welcome/", views.join_welcome, name="join_welcome"),
    path("groups/register/", views.register, name="register"),
    path(
        "groups/register/check-your-inbox/",
        views.register_check_inbox,
        name="register_check_inbox",
    ),
    path("groups/register/confirm/<str:token>/", views.register_confirm, name="register_confirm"),
    path("groups/register/received/", views.register_received, name="register_received"),
    path("groups/paper-signatures/", views.report_link, name="report_link"),
    path("groups/paper-signatures/sent/", views.report_link_sent, name="report_link_sent"),
    path("groups/paper-signatures/received/", views.report_received, name="report_received"),
    path("groups/paper-signatures/<str:token>/", views.report, name="report"),
]
