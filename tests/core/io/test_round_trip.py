"""The exports import again: clients.csv, all.xlsx, .vcf and .zip, each into an empty database, with every
field equal (a US client, a client with two e-mails, two phones and two addresses, a Japanese client)."""

from __future__ import annotations

import datetime as dt

import pytest

from loyaldesk.core.clients import ClientRepository
from loyaldesk.core.db import open_database
from loyaldesk.core.io import export, files, importer
from loyaldesk.core.models import Client, ClientAddress, ContactValue

FIELDS = ("name", "name_kana", "honorific", "company", "title", "email", "phone", "postal_code", "address1",
          "address2", "country", "birthday", "source", "notes", "more_emails", "more_phones", "more_addresses")


def sample_clients(db) -> None:
    repo = ClientRepository(db)
    people = [
        Client(None, "Sam Lee", company="Lee Design LLC", title="Owner", email="sam@leedesign.example",
               phone="+1-415-555-0199", postal_code="94105", address1="1 Market St, San Francisco, CA",
               address2="Suite 400", country="US", birthday=dt.date(1979, 3, 15), source="Web", notes="Met at a fair"),
        Client(None, "Angela Muñoz Madero", name_kana="", email="angela@example.es", phone="+34 612 345 678",
               postal_code="28013", address1="Calle Mayor 1, Madrid", country="ES", notes="two lines\nof notes"),
        Client(None, "山田 太郎", name_kana="ヤマダ タロウ", honorific="様", company="株式会社みらい", title="代表取締役",
               email="taro@mirai.example.jp", phone="090-1234-5678", postal_code="150-0001",
               address1="東京都渋谷区神宮前1-2-3", address2="みらいビル5F", birthday=dt.date(1980, 4, 1)),
    ]
    created = [repo.create(c) for c in people]
    with db.transaction() as conn:
        from loyaldesk.core.clients import write_more_values

        write_more_values(conn, created[1].id, [ContactValue("work", "a.munoz@estudio.example")],
                          [ContactValue("fax", "+34 91 123 4567"), ContactValue("mobile", "+34 699 000 111")],
                          [ClientAddress("work", "08001", "Carrer de Pelai 12, Barcelona", "", "ES")])
        write_more_values(conn, created[2].id, [], [ContactValue("work", "03-1111-2222")],
                          [ClientAddress("home", "460-0008", "愛知県名古屋市中区栄3-1-1", "", "")])


def snapshot(db) -> list[dict]:
    repo = ClientRepository(db)
    ids = [r[0] for r in db.query("SELECT id FROM clients ORDER BY name", plain=True)]
    out = []
    for cid in ids:
        c = repo.get(cid)
        out.append({f: getattr(c, f) for f in FIELDS})
    return out


def import_file(path, target) -> None:
    fmt = files.file_format(path)
    if fmt == "archive":
        export.import_zip(target, path)
        return
    if fmt == "vcard":
        records = files.read_vcard_records(path)
    else:
        loaded = files.load_table(target, path, "clients")
        records = files.client_records(loaded)
    plan = importer.plan_client_import(target, records)
    assert plan.counts == {"add": 3, "merge": 0, "skip": 0, "error": 0}, plan.problems()
    assert not [p for p in plan.problems() if p.severity == "error"]
    importer.apply_client_import(target, plan)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".vcf", ".zip"])
def test_export_imports_again_with_every_field_equal(db, tmp_path, suffix):
    sample_clients(db)
    out = tmp_path / f"export{suffix}"
    if suffix == ".csv":
        export.export_csv(db, out, "clients")
    elif suffix == ".xlsx":
        export.export_xlsx(db, out, "all")
    elif suffix == ".vcf":
        export.export_vcf(db, out)
    else:
        export.export_zip(db, out)
    before = snapshot(db)
    with open_database(tmp_path / "empty.db") as target:
        import_file(out, target)
        after = snapshot(target)
    assert after == before
    assert before[0]["more_emails"] == [ContactValue("work", "a.munoz@estudio.example")]  # the data is really there


def test_merge_keeps_a_new_email_and_address_as_more_values(db, tmp_path):
    sample_clients(db)
    path = tmp_path / "update.csv"
    path.write_text("Name,E-mail,Phone,Address,Zip,Country\r\n"
                    "Sam Lee,sam@leedesign.example,+1-415-555-0100,500 Terry Francine St,94158,US\r\n"
                    "Sam Lee,sam.lee@home.example,,,,\r\n", encoding="utf-8")
    loaded = files.load_table(db, path, "clients")
    plan = importer.plan_client_import(db, files.client_records(loaded))
    assert plan.counts["merge"] == 1 and plan.counts["add"] == 1  # the second row has another e-mail: a new person
    importer.apply_client_import(db, plan)
    sam = ClientRepository(db).get(db.scalar("SELECT id FROM clients WHERE email = 'sam@leedesign.example'"))
    assert (sam.phone, sam.address1) == ("+1-415-555-0199", "1 Market St, San Francisco, CA")  # nothing overwritten
    assert sam.more_phones == [ContactValue("", "+1-415-555-0100")]
    assert sam.more_addresses == [ClientAddress("", "94158", "500 Terry Francine St", "", "US")]


def test_other_emails_and_phones_are_searchable(db):
    sample_clients(db)
    rows = {r.name: r for r in ClientRepository(db).list_rows()}
    assert "a.munoz@estudio.example" in rows["Angela Muñoz Madero"].more_contacts
    assert "03-1111-2222" in rows["山田 太郎"].more_contacts
