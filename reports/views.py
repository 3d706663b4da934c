from django.http import HttpResponse


def create(request, pk):  # replaced by the reports work in progress
    return HttpResponse(status=501)
