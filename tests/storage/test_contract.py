"""The storage contract (bot/storage_contract.py), run against memory, a directory and Azure Blob (Azurite).

Every test opens two instances on the same data, as two processes or machines would.
"""

from __future__ import annotations

import asyncio

import pytest
from botbuilder.dialogs import DialogInstance, DialogState

from bot.storage_contract import StorageConflict, UnconditionalWrite
from bot.token_store import StorageTokenStore
from dialogs.pending import CLAIM_LEASE_SECONDS, AlreadyClaimed, PendingAction, PendingActions
from graph.token_cache import CacheRecord, EncryptedCacheStore


async def test_what_one_instance_wrote_another_reads_with_a_version_and_deletes(stores):
    first, second = stores.instance(), stores.instance()
    await first.write({"msteams/conversations/a:1": {"count": 2, "notes": ["x"]}})

    found = await second.read(["msteams/conversations/a:1", "missing"])
    assert list(found) == ["msteams/conversations/a:1"]
    item = found["msteams/conversations/a:1"]
    assert (item["count"], item["notes"]) == (2, ["x"])
    assert item["e_tag"]

    await second.delete(["msteams/conversations/a:1", "missing"])
    assert await first.read(["msteams/conversations/a:1"]) == {}


async def test_a_new_item_is_created_once_and_a_second_create_conflicts_without_overwriting(stores):
    first, second = stores.instance(), stores.instance()
    await first.write({"sso-exchange/x1": {"seen": "first"}})
    with pytest.raises(StorageConflict):
        await second.write({"sso-exchange/x1": {"seen": "second"}})
    assert (await second.read(["sso-exchange/x1"]))["sso-exchange/x1"]["seen"] == "first"


async def test_an_update_with_the_version_read_lands_and_the_written_item_carries_the_new_version(stores):
    first, second = stores.instance(), stores.instance()
    await first.write({"pending/r1": {"state": "open"}})
    item = (await second.read(["pending/r1"]))["pending/r1"]
    read_tag = item["e_tag"]

    item["state"] = "claimed"
    await second.write({"pending/r1": item})
    assert item["e_tag"] != read_tag
    item["state"] = "done"
    await second.write({"pending/r1": item})  # the same object again, in the same turn

    stored = (await first.read(["pending/r1"]))["pending/r1"]
    assert (stored["state"], stored["e_tag"]) == ("done", item["e_tag"])


async def test_of_two_instances_updating_what_they_both_read_only_the_first_lands(stores):
    first, second = stores.instance(), stores.instance()
    await first.write({"pending/r1": {"state": "open"}})
    seen_by_first = (await first.read(["pending/r1"]))["pending/r1"]
    seen_by_second = (await second.read(["pending/r1"]))["pending/r1"]

    await first.write({"pending/r1": {**seen_by_first, "state": "claimed by first"}})
    with pytest.raises(StorageConflict) as conflict:
        await second.write({"pending/r1": {**seen_by_second, "state": "claimed by second"}})
    assert isinstance(conflict.value, KeyError)  # what botbuilder callers already catch
    assert "r1" not in str(conflict.value)  # names the kind of item, not its id
    assert (await second.read(["pending/r1"]))["pending/r1"]["state"] == "claimed by first"


async def test_an_update_of_an_item_deleted_since_it_was_read_conflicts_and_does_not_bring_it_back(stores):
    first, second = stores.instance(), stores.instance()
    await first.write({"token-cache/u1": {"data": "old"}})
    item = (await second.read(["token-cache/u1"]))["token-cache/u1"]
    await first.delete(["token-cache/u1"])
    with pytest.raises(StorageConflict):
        await second.write({"token-cache/u1": {**item, "data": "new"}})
    assert await first.read(["token-cache/u1"]) == {}


async def test_an_unconditional_write_is_refused_and_stores_nothing(stores):
    storage = stores.instance()
    with pytest.raises(UnconditionalWrite):
        await storage.write({"k/1": {"v": 1, "e_tag": "*"}})
    assert await storage.read(["k/1"]) == {}


async def test_many_simultaneous_claims_from_two_instances_let_exactly_one_win(stores):
    first, second = stores.instance(), stores.instance()
    await first.write({"pending/race": {"state": "open"}})
    seen = [(await s.read(["pending/race"]))["pending/race"] for s in (first, second) * 10]

    async def claim(storage, item, n):
        try:
            await storage.write({"pending/race": {**item, "state": f"claimed by {n}"}})
            return n
        except StorageConflict:
            return None

    winners = [
        n
        for n in await asyncio.gather(*(claim((first, second)[i % 2], item, i) for i, item in enumerate(seen)))
        if n is not None
    ]
    assert len(winners) == 1
    assert (await second.read(["pending/race"]))["pending/race"]["state"] == f"claimed by {winners[0]}"


async def test_dialog_state_objects_come_back_as_the_same_objects(stores):
    first, second = stores.instance(), stores.instance()
    state = DialogState([DialogInstance(id="request", state={"options": {"text": "decline my 3pm"}})])
    await first.write({"msteams/conversations/a:2": {"dialogs": state}})
    back = (await second.read(["msteams/conversations/a:2"]))["msteams/conversations/a:2"]["dialogs"]
    assert isinstance(back, DialogState)
    assert [(d.id, d.state) for d in back.dialog_stack] == [("request", {"options": {"text": "decline my 3pm"}})]


async def test_tuples_come_back_as_tuples_next_to_plain_data(stores):
    first, second = stores.instance(), stores.instance()
    item = {"slot": (9, 30), "plain": {"list": [1, "two", None, 3.5, True], "text": "naïve ☕"}}
    await first.write({"pending/shapes": dict(item)})
    back = (await second.read(["pending/shapes"]))["pending/shapes"]
    assert {k: v for k, v in back.items() if k != "e_tag"} == item
    assert isinstance(back["slot"], tuple)


async def test_a_pending_card_is_claimed_once_across_instances_and_the_loser_sees_the_winner(stores):
    first, second = PendingActions(stores.instance()), PendingActions(stores.instance())
    await first.add(PendingAction("req-9", "user-a", "a:conv", "decline", {"ev-1": {"id": "ev-1"}}))

    results = await asyncio.gather(first.claim("req-9"), second.claim("req-9"), return_exceptions=True)
    claimed = [r for r in results if isinstance(r, PendingAction)]
    lost = [r for r in results if isinstance(r, AlreadyClaimed)]
    assert (len(claimed), len(lost)) == (1, 1)
    assert lost[0].record is not None and lost[0].record.state == "claimed"


async def test_the_instance_that_showed_a_card_cannot_claim_it_again_after_another_instance_used_it(stores):
    shown_here, clicked_there = PendingActions(stores.instance()), PendingActions(stores.instance())
    await shown_here.add(PendingAction("req-7", "user-a", "a:conv", "decline", {"ev-1": {"id": "ev-1"}}))
    used = await clicked_there.claim(await clicked_there.get("req-7"))
    await clicked_there.finish(used, card={"type": "AdaptiveCard"}, message="Declined.")

    remembered = await shown_here.get("req-7", recent=True)  # as written here: still open
    assert remembered is not None and remembered.state == "open"
    with pytest.raises(AlreadyClaimed) as lost:
        await shown_here.claim(remembered)

    assert lost.value.record is not None and lost.value.record.state == "done"
    assert lost.value.record.outcome["message"] == "Declined."


async def test_token_caches_are_stored_encrypted_and_a_second_save_updates_them(stores):
    first = EncryptedCacheStore(StorageTokenStore(stores.instance()), "deployment-secret")
    second = EncryptedCacheStore(StorageTokenStore(stores.instance()), "deployment-secret")
    await first.save("user-a", CacheRecord(tenant="t1", cache='{"RefreshToken": "rt-secret-one"}'))
    await second.save("user-a", CacheRecord(tenant="t1", cache='{"RefreshToken": "rt-secret-two"}'))

    assert await first.load("user-a") == CacheRecord(tenant="t1", cache='{"RefreshToken": "rt-secret-two"}')
    storage = stores.instance()
    [raw] = (await storage.read(["token-cache/" + EncryptedCacheStore.key_for("user-a")])).values()
    assert "rt-secret" not in str(raw)
    # The record copied under another user's key does not open for that user.
    await storage.write({"token-cache/" + EncryptedCacheStore.key_for("user-b"): {"data": raw["data"]}})
    assert await EncryptedCacheStore(StorageTokenStore(storage), "deployment-secret").load("user-b") is None


async def test_a_click_whose_lease_ran_out_does_not_undo_the_claim_of_the_click_that_took_over(stores):
    clock = [1000.0]
    slow = PendingActions(stores.instance(), clock=lambda: clock[0])
    other = PendingActions(stores.instance(), clock=lambda: clock[0])
    await slow.add(PendingAction("req-5", "user-a", "a:conv", "decline", {"ev-1": {"id": "ev-1"}}))
    mine = await slow.claim("req-5")
    clock[0] += CLAIM_LEASE_SECONDS + 1  # the slow click is still acting when its lease runs out
    theirs = await other.claim("req-5")

    await slow.release(mine)  # the slow click gives up late

    now = await other.get("req-5")
    assert now is not None and now.state == "claimed" and now.claimed_at == theirs.claimed_at
    await other.finish(theirs, card={"type": "AdaptiveCard"}, message="Declined.")
    assert (await slow.get("req-5")).state == "done"
