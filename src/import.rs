//! Roster import (to be built: see issue 5).

use std::path::Path;

use crate::store::Session;

pub fn import_roster(_session: &mut Session, _path: &Path) -> Result<String, std::io::Error> {
    Err(std::io::Error::other("roster import is not built yet"))
}
