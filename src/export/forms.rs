//! Printable ballot forms (to be built: see issue 5).

use super::ExportError;
use crate::domain::Model;

pub fn to_bytes(
    _model: &Model,
    _unit: &str,
    _meeting: &str,
    _copies: u32,
) -> Result<Vec<u8>, ExportError> {
    Err(ExportError::Unavailable("forms"))
}
