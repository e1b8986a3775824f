"""The admin's "Import from the site's address": read a live blog in the background, then import.

For staff who may import (the Marketing role; `articles.add_siteimport`). The "add" page takes
the address (checked at once: http(s) only, a host that exists and is public unless listed in
IMPORT_SITE_ALLOWED_PRIVATE_HOSTS); a `SiteImport` row is queued and the `read_site` task reads
the site in a `db_worker` process, never in the request. The row's own page shows where the
reading stands and refreshes itself (a `<meta http-equiv="refresh">`, no JavaScript) while it is
queued or running; a failure shows its reason with the address to try again, a stalled reading
(its worker died) says so. Once read, the page shows the same dry-run report as an export file's,
then "Confirm import" (the choice to publish what was published; otherwise drafts) imports
what was kept on the row, in steps of at most BATCH_SIZE posts or BATCH_SECONDS, exactly as the
export page does, with pictures copied in the background and every old address redirected.
Only one reading of an address is queued or running at a time.
"""

import time

from django import forms
from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from articles.models import SiteImport
from articles.transfer.apply import ImportOptions
from articles.transfer.report import ImportReport
from articles.transfer.site.apply import import_site
from articles.transfer.site.client import Site
from articles.transfer.site.crawl import KEEP_FOR, close_if_stalled, read_site, standing
from articles.transfer.site.stored import StoredReader
from articles.transfer.web import addresses
from articles.transfer.web.addresses import FetchError

from .imports import BATCH_SECONDS, BATCH_SIZE, TOKEN_MAX_AGE

SIGNING_SALT = "articles.admin_site_import"
REFRESH_SECONDS = 5
State = SiteImport.State


class SiteAddressForm(forms.Form):
    address = forms.CharField(
        label="The site's address",
        max_length=500,
        help_text="The current site, or its blog page: https://www.example-clinic.org or "
        "https://www.example-clinic.org/blog (Wix, Squarespace, WordPress, or any site with a "
        "sitemap or feed).",
        widget=forms.TextInput(attrs={"size": 60, "placeholder": "https://"}),
    )
    fetch_images = forms.BooleanField(
        label="Copy pictures to this site",
        required=False,
        initial=True,
        help_text="Pictures are copied from the old site in the background once the posts are "
        "imported (those that cannot be are listed). Untick to leave them as links to the old "
        "site.",
    )

    def clean_address(self):
        typed = self.cleaned_data["address"].strip()
        try:
            site = Site.from_address(typed)
            addresses.check(site.start, resolver=addresses.system_resolver)
        except FetchError as error:
            if error.temporary:
                raise forms.ValidationError(
                    f"{capitalised(error)}. Check the address for typing mistakes; the site "
                    "must be reachable from this server."
                ) from error
            raise forms.ValidationError(f"This address cannot be read: {error}.") from error
        self.cleaned_data["site"] = site
        return typed


def capitalised(error):
    text = str(error)
    return text[:1].upper() + text[1:]


@admin.register(SiteImport)
class SiteImportAdmin(admin.ModelAdmin):
    list_display = ["address", "where_it_stands", "started_by", "created_at"]
    list_select_related = ["started_by"]
    search_fields = ["address", "typed_address"]

    @admin.display(description="where it stands")
    def where_it_stands(self, row):
        return standing(row).line

    def has_change_permission(self, request, obj=None):
        return False  # the row's page is the progress and confirm page, not a form

    def add_view(self, request, form_url="", extra_context=None):
        """The address form; a valid address queues the reading and shows its progress."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            form = SiteAddressForm(request.POST)
            if form.is_valid():
                return self.start(request, form)
        else:
            form = SiteAddressForm(initial={"address": request.GET.get("address", "")})
        return self.render(request, "start.html", form=form, title="Import from the site's address")

    def start(self, request, form):
        SiteImport.objects.filter(expires_at__lt=timezone.now()).delete()
        site = form.cleaned_data["site"]
        address = site.start
        existing = SiteImport.objects.filter(address=address, state__in=SiteImport.ACTIVE)
        for row in existing:
            if not close_if_stalled(row):
                return self.already_reading(request, row)
        try:
            with transaction.atomic():
                row = SiteImport.objects.create(
                    address=address,
                    typed_address=form.cleaned_data["address"],
                    fetch_images=form.cleaned_data["fetch_images"],
                    started_by=request.user,
                )
                read_site.enqueue(site_import_id=row.pk)
        except IntegrityError:  # someone else started the same address a moment ago
            row = SiteImport.objects.filter(address=address, state__in=SiteImport.ACTIVE).first()
            if row is None:
                raise
            return self.already_reading(request, row)
        messages.success(
            request,
            f"Reading {address} in the background. This page follows its progress; you may "
            "leave it and come back (Research library → Imports from a site's address).",
        )
        return redirect(self.url(row))

    def already_reading(self, request, row):
        who = f" by {row.started_by}" if row.started_by else ""
        messages.warning(
            request,
            f"{row.address} is already being read (asked for{who} at "
            f"{timezone.localtime(row.created_at):%H:%M}); one reading of an address at a time. "
            "Its progress is below.",
        )
        return redirect(self.url(row))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The reading's own page: its progress, then its report and "Confirm import"."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        row = get_object_or_404(SiteImport, pk=object_id if str(object_id).isdigit() else None)
        if request.method == "POST":
            if not self.has_add_permission(request):
                raise PermissionDenied
            return self.confirm(request, row)
        state = standing(row)
        context = {"row": row, "standing": state, "title": f"Import from {row.address}"}
        if state.state in {State.FAILED, "stalled"}:
            context["form"] = SiteAddressForm(
                initial={"address": row.typed_address, "fetch_images": row.fetch_images}
            )
        may_import = self.has_add_permission(request)
        if row.state == State.IMPORTING:
            context["resume_at"] = row.next_start
            if may_import:
                context["token"] = self.sign(request, row, row.next_start)
        elif row.state == State.READ and row.report is not None:
            context["report"] = ImportReport.from_data(row.report)
            if may_import and row.fetched:
                context["token"] = self.sign(request, row, 0)
        if state.active:
            context["refresh_seconds"] = REFRESH_SECONDS
        return self.render(request, "progress.html", **context)

    def confirm(self, request, row):
        """Import what the reading kept, from the token's `start`, for at most one batch."""
        try:
            data = signing.loads(request.POST.get("token", ""), salt=SIGNING_SALT,
                                 max_age=TOKEN_MAX_AGE)  # fmt: skip
        except signing.BadSignature:
            messages.error(request, "This page was open too long or its form was altered: "
                                    "check the report again, then confirm.")  # fmt: skip
            return redirect(self.url(row))
        if data["id"] != row.pk or data["user"] != request.user.pk:
            raise PermissionDenied
        if row.state not in {State.READ, State.IMPORTING} or row.pages is None:
            messages.error(request, "This reading was already imported, or is not ready.")
            return redirect(self.url(row))
        if row.publish_published is None:  # chosen on the report, kept for every "Continue"
            row.publish_published = request.POST.get("publish_published") == "on"
        options = ImportOptions(
            fetch_images=row.fetch_images,
            publish_published=row.publish_published,
            start=data["start"],
            limit=BATCH_SIZE,
            deadline=time.monotonic() + BATCH_SECONDS,
        )
        try:
            reader = StoredReader.load(row.pages)
        except ValueError as error:
            messages.error(request, f"{capitalised(error)}.")
            return redirect(self.url(row))
        report = import_site(row.address, options, reader=reader)
        row.summary = report.summary()
        row.expires_at = timezone.now() + KEEP_FOR
        token = None
        if report.is_complete:
            row.state, row.pages, row.next_start = State.IMPORTED, None, 0
        else:
            row.state, row.next_start = State.IMPORTING, report.next_start
            token = self.sign(request, row, report.next_start)
        row.save(update_fields=["state", "pages", "next_start", "summary", "expires_at",
                                "publish_published"])  # fmt: skip
        return self.render(
            request,
            "progress.html",
            row=row,
            standing=standing(row),
            report=report,
            token=token,
            start=data["start"],
            title=f"Import from {row.address}",
        )

    def sign(self, request, row, start):
        return signing.dumps({"id": row.pk, "user": request.user.pk, "start": start},
                             salt=SIGNING_SALT)  # fmt: skip

    def url(self, row):
        return reverse("admin:articles_siteimport_change", args=[row.pk])

    def render(self, request, template, **context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "source_kind": "site",
            "batch_size": BATCH_SIZE,
            **context,
        }
        return TemplateResponse(request, f"admin/articles/siteimport/{template}", context)
