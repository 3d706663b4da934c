"""Report.objects.visible_to(user): who may see which reports (used by the provider dashboard)."""

from django.contrib.auth.models import AnonymousUser

from reports.models import Report


def make_report(offer, **fields):
    return Report.objects.create(offer=offer, message="Falsche Zeiten", address_hash="0" * 64,
                                 **fields)


def test_a_provider_sees_the_reports_on_its_organisations_offers(provider, provider_org, make_offer):
    own = make_report(make_offer(organisation=provider_org))
    make_report(make_offer())  # another organisation's offer
    assert list(Report.objects.visible_to(provider)) == [own]


def test_a_provider_of_another_organisation_sees_none_of_them(make_user, make_organisation,
                                                             provider_org, make_offer):
    make_report(make_offer(organisation=provider_org))
    other = make_user("andere@example.org", organisations=[make_organisation()])
    assert not Report.objects.visible_to(other).exists()


def test_a_member_of_two_organisations_sees_both_once(make_user, make_organisation, make_offer):
    first, second = make_organisation(), make_organisation()
    reports = {make_report(make_offer(organisation=first)), make_report(make_offer(organisation=second))}
    person = make_user(organisations=[first, second])
    assert set(Report.objects.visible_to(person)) == reports
    assert Report.objects.visible_to(person).count() == 2


def test_an_editor_sees_all(editor, make_offer):
    reports = {make_report(make_offer()), make_report(make_offer())}
    assert set(Report.objects.visible_to(editor)) == reports


def test_anonymous_and_people_without_organisation_see_none(make_user, make_offer):
    make_report(make_offer())
    assert not Report.objects.visible_to(AnonymousUser()).exists()
    assert not Report.objects.visible_to(make_user()).exists()


def test_open_reports_of_a_provider(provider, provider_org, make_offer):
    offer = make_offer(organisation=provider_org)
    still_open = make_report(offer)
    make_report(offer, status=Report.Status.RESOLVED)
    assert list(Report.objects.visible_to(provider).open()) == [still_open]
