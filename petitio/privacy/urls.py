from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("my-data/", views.request_link, name="request_link"),
    path("my-data/sent/", views.link_sent, name="link_sent"),
    path("my-data/<str:token>/", views.my_data, name="my_data"),
    path("my-data/<str:token>/newsletter/", views.withdraw_newsletter, name="withdraw_newsletter"),
    path("my-data/<str:token>/erase/", views.erase, name="erase"),
]
