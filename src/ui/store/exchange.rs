//! Partner exchange, seen from the store: pairing kept on this device,
//! codes made from what changed since the partner's last receipt, and codes
//! opened, checked and merged exactly like a backup.

use leptos::prelude::*;

use super::AppStore;
use super::save::latest_rev;
use crate::domain::backup::{self, Backup};
use crate::domain::exchange::{self, Expect, Header};
use crate::domain::id::RecordId;
use crate::domain::pairing::Pairing;
use crate::domain::seal::NONCE_BYTES;
use crate::storage::{StorageError, keys};
use crate::ui::browser::{deflate, inflate, now};

/// The largest unpacked code: a backup's own limit.
const MAX_UNPACKED: usize = backup::MAX_BYTES;

/// A code opened and checked, waiting for the person to bring it in.
#[derive(Clone)]
pub struct Incoming {
    pub header: Header,
    pub backup: Backup,
    /// "3 appreciations", "1 check-in": what it holds.
    pub holds: Vec<String>,
}

impl AppStore {
    /// This phone's pairing, as storage holds it now (another window may
    /// have made a code meanwhile).
    fn stored_pairing(self) -> Option<Pairing> {
        self.vault
            .with_value(|vault| vault.as_ref()?.read_document(keys::PAIRING))
    }

    fn keep_pairing(self, pairing: Option<Pairing>) -> Result<(), StorageError> {
        self.with_vault(|vault| vault.write_document(keys::PAIRING, pairing.as_ref()))?;
        self.pairing.set(pairing);
        Ok(())
    }

    /// Pairs this phone (replacing any earlier pairing).
    pub fn pair(self, pairing: Pairing) -> Result<(), StorageError> {
        self.keep_pairing(Some(pairing))
    }

    /// Forgets the pairing: codes from the partner no longer open here.
    pub fn unpair(self) -> Result<(), StorageError> {
        self.keep_pairing(None)
    }

    /// Another window changed the pairing: take its copy.
    pub(super) fn pairing_changed(self) {
        self.pairing.set(self.stored_pairing());
    }

    /// The code for the partner: every record of `kinds` changed since
    /// their last receipt, and the journal entries `picked`. `Ok(None)` when
    /// there is nothing new to send.
    pub async fn make_code(
        self,
        kinds: Vec<&'static str>,
        picked: Vec<RecordId>,
    ) -> Result<Option<Vec<String>>, String> {
        let mut pairing = self
            .stored_pairing()
            .ok_or_else(|| String::from("Pair with your partner's phone first."))?;
        let sealer = pairing
            .sealer()
            .ok_or_else(|| String::from("The pairing on this phone is damaged: pair again."))?;
        let all = self.snapshot();
        let out = exchange::outgoing(&all, &kinds, &picked, &|kind, id, rev| {
            pairing.partner_has(kind, id, rev)
        });
        if exchange::counts(&out).is_empty() {
            return Ok(None);
        }
        let payload = deflate(backup::export(&out, now()).as_bytes()).await?;
        let latest = latest_rev(&all).unwrap_or_else(|| self.stamp().rev);
        let one_by_one: Vec<_> = exchange::stamps(&out)
            .into_iter()
            .filter(|(kind, _, _)| !kinds.contains(kind))
            .collect();
        let header = pairing.next_code(latest, &kinds, &one_by_one);
        let mut nonce = [0; NONCE_BYTES];
        crate::storage::passcode::fill_random(&mut nonce).map_err(|e| e.to_string())?;
        let parts = exchange::make_code(&sealer, &header, &payload, nonce);
        self.keep_pairing(Some(pairing))
            .map_err(|e| e.to_string())?;
        Ok(Some(parts))
    }

    /// Opens and checks the code in `text`; nothing changes yet.
    pub async fn open_code(self, text: &str) -> Result<Incoming, String> {
        let pairing = self.stored_pairing().ok_or_else(|| {
            String::from("Pair with your partner's phone first, then open their codes here.")
        })?;
        let sealer = pairing
            .sealer()
            .ok_or_else(|| String::from("The pairing on this phone is damaged: pair again."))?;
        let expect = Expect {
            sealer: &sealer,
            couple: &pairing.couple,
            me: &pairing.me,
            heard: pairing.heard,
        };
        let (header, packed) = exchange::open_code(text, &expect).map_err(|e| e.to_string())?;
        let unpacked = inflate(&packed).await?;
        if unpacked.len() > MAX_UNPACKED {
            return Err(String::from(
                "This code holds far more than any exchange. Nothing was changed.",
            ));
        }
        let text = String::from_utf8(unpacked)
            .map_err(|_| String::from("This code cannot be read. Nothing was changed."))?;
        let backup = backup::parse(&text, now()).map_err(|e| e.to_string())?;
        let holds = exchange::counts(&backup.records);
        Ok(Incoming {
            header,
            backup,
            holds,
        })
    }

    /// Brings an opened code in: merged by id and revision, and its receipt
    /// noted (so the next code sends only what is new to the partner).
    pub fn take_code(self, incoming: &Incoming) -> Result<(), String> {
        let mut pairing = self
            .stored_pairing()
            .ok_or_else(|| String::from("This phone is no longer paired."))?;
        if incoming.header.seq <= pairing.heard {
            let seq = incoming.header.seq;
            return Err(exchange::CodeError::AlreadyOpened { seq }.to_string());
        }
        self.merge(&incoming.backup);
        // What was taken at the partner's own revision is not sent back.
        let now_here = self.snapshot();
        for (kind, id, rev) in exchange::stamps(&incoming.backup.records) {
            if exchange::has(&now_here, kind, &id, rev) {
                pairing.received(kind, &id, rev);
            }
        }
        pairing.opened(&incoming.header);
        self.keep_pairing(Some(pairing)).map_err(|e| e.to_string())
    }
}
