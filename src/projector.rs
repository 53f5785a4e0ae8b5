//! The projector view (to be built: see issue 6).

use std::path::Path;

pub fn run(_path: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("the projector is not built yet"))
}
