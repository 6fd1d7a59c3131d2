from django.urls import path

from gembot.widget import views

urlpatterns = [
    path("widget.js", views.widget_js, name="widget-js"),
    path("widget/privacy", views.privacy, name="widget-privacy"),
    path("demo/", views.demo_list, name="widget-demo-list"),
    path("demo/<str:reference>/", views.demo_page, name="widget-demo"),
    path("demo/<str:reference>/<slug:page>/", views.demo_page, name="widget-demo-page"),
]
