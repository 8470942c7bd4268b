from django.urls import path

from . import views

app_name = "petitions"

urlpatterns = [
    path("petitions/<int:page_id>/sign/", views.sign, name="sign"),
    path("petitions/challenge/", views.challenge, name="challenge"),
    path("petitions/<int:page_id>/check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("petitions/<int:page_id>/thank-you/", views.thank_you, name="thank_you"),
    path("signatures/confirm/<str:token>/", views.confirm, name="confirm"),
    path("signatures/not-me/<str:token>/", views.withdraw, name="withdraw"),
]
