from django.urls import path

from . import views, views_calendar, views_coordination, views_visa

app_name = "workshops"

urlpatterns = [
    path("", views.workshop_list, name="workshop_list"),
    path("<int:pk>/", views.workshop_detail, name="workshop_detail"),
    path("<int:pk>/register/", views.registration_new, name="registration_new"),
    path("<int:pk>/calendar.ics", views_calendar.workshop_ics, name="workshop_ics"),
    path("mine/", views.my_registrations, name="my_registrations"),
    path(
        "registrations/<int:pk>/cancel/",
        views.registration_cancel_view,
        name="registration_cancel",
    ),
    path(
        "registrations/<int:pk>/attendance/",
        views_coordination.registration_mark_view,
        name="registration_mark",
    ),
    path("registrations/<int:pk>/visa-letter/", views_visa.visa_letter, name="visa_letter"),
    path(
        "registrations/<int:pk>/visa-letter.pdf",
        views_visa.visa_letter_download,
        name="visa_letter_download",
    ),
    path("calendar/renew/", views_calendar.calendar_feed_renew_view, name="calendar_feed_renew"),
    path("calendar/<str:token>.ics", views_calendar.calendar_feed, name="calendar_feed"),
    path("coordination/", views_coordination.coordination_workshops, name="coordination"),
    path(
        "coordination/<int:pk>/registrations/",
        views_coordination.workshop_registrations,
        name="workshop_registrations",
    ),
    path(
        "coordination/<int:pk>/check-in/",
        views_coordination.workshop_checkin,
        name="workshop_checkin",
    ),
    path("coordination/rule/", views_coordination.rule_overview, name="rule_overview"),
    path(
        "partnership/<int:pk>/",
        views_coordination.partnership_workshops,
        name="partnership_workshops",
    ),
]
