//! `ceping verify`: SQLite's integrity check, the hash chain re-walked and
//! the log re-folded, read-only (it may run while a meeting is going on).

use std::path::Path;

use super::{Store, StoreError, chain};
use crate::domain::Model;
use crate::i18n::tr;

/// What a passing verification found.
#[derive(Debug, Clone)]
pub struct Report {
    pub events: u64,
    pub head: [u8; 32],
    pub model: Model,
}

impl Report {
    /// The one-line summary `ceping verify` prints.
    pub fn summary(&self) -> String {
        let ballots: usize = self.model.rounds.values().map(|r| r.ballots.len()).sum();
        let head = chain::to_hex(&self.head);
        let (events, units, rounds) = (
            self.events,
            self.model.campaign.units.len(),
            self.model.rounds.len(),
        );
        let short = &head[..12];
        tr(
            format!(
                "完好：{events} 条记录，{units} 个单位，{rounds} 轮测评，{ballots} 张选票；链头 {head}（指纹 {short}）"
            ),
            format!(
                "OK: {events} events, {units} units, {rounds} rounds, {ballots} ballots; chain head {head} (fingerprint {short})"
            ),
        )
    }
}

pub fn verify(path: &Path) -> Result<Report, StoreError> {
    let mut store = Store::open_read_only(path)?;
    let integrity: Vec<String> = {
        let mut stmt = store.connection().prepare("PRAGMA integrity_check")?;
        stmt.query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?
    };
    if integrity != ["ok"] {
        return Err(StoreError::Damaged {
            seq: 0,
            reason: tr(
                format!("SQLite 完整性检查失败：{}", integrity.join("; ")),
                format!("SQLite integrity check failed: {}", integrity.join("; ")),
            ),
        });
    }
    let model = store.replay()?;
    Ok(Report {
        events: store.last_seq(),
        head: store.head(),
        model,
    })
}
