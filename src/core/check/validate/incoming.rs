//! A file's text put together from the parts it is read in, checked as UTF-8 a part at a time,
//! so that the map can give the browser back between the parts of a large file instead of
//! checking tens of megabytes in one task.

/// Text arriving in parts of bytes, each ending where [`IncomingText::part_end`] says.
#[derive(Debug, Default)]
pub struct IncomingText {
    /// Everything so far, when it has all been UTF-8.
    text: String,
    /// Everything so far, once something was not UTF-8.
    bytes: Option<Vec<u8>>,
}

impl IncomingText {
    /// Room for a file of `length` bytes.
    #[must_use]
    pub fn with_capacity(length: usize) -> Self {
        Self {
            text: String::with_capacity(length),
            bytes: None,
        }
    }

    /// Where a part made of `bytes` (more than four, not the file's last) ends so that it cuts
    /// no character: before the last one that starts in its last four bytes, which the next
    /// part begins with. Parts cut there are each UTF-8 exactly when the whole file is.
    #[must_use]
    pub fn part_end(bytes: &[u8]) -> usize {
        let starts_character = |byte: &u8| !(0x80..0xc0).contains(byte);
        let last_four = bytes.len().saturating_sub(4);
        bytes[last_four..]
            .iter()
            .rposition(starts_character)
            .map(|at| last_four + at)
            .filter(|&end| end > 0)
            // Four bytes that start no character are not UTF-8 wherever the part ends.
            .unwrap_or(bytes.len())
    }

    /// Adds the next part of the file.
    pub fn push(&mut self, part: &[u8]) {
        if let Some(bytes) = &mut self.bytes {
            bytes.extend_from_slice(part);
        } else if let Ok(text) = std::str::from_utf8(part) {
            self.text.push_str(text);
        } else {
            let mut bytes = std::mem::take(&mut self.text).into_bytes();
            bytes.extend_from_slice(part);
            self.bytes = Some(bytes);
        }
    }

    /// The whole text.
    ///
    /// # Errors
    /// Every byte of the file, when they are not all UTF-8.
    pub fn finish(self) -> Result<String, Vec<u8>> {
        self.bytes.map_or(Ok(self.text), Err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `bytes` read in parts of at most `size` bytes, as the map reads a file.
    fn in_parts(bytes: &[u8], size: usize) -> Result<String, Vec<u8>> {
        let mut incoming = IncomingText::with_capacity(bytes.len());
        let mut start = 0;
        while start < bytes.len() {
            let part = &bytes[start..(start + size).min(bytes.len())];
            let end = if start + part.len() < bytes.len() {
                IncomingText::part_end(part)
            } else {
                part.len()
            };
            incoming.push(&part[..end]);
            start += end;
        }
        incoming.finish()
    }

    fn at_once(bytes: &[u8]) -> Result<String, Vec<u8>> {
        String::from_utf8(bytes.to_vec()).map_err(std::string::FromUtf8Error::into_bytes)
    }

    #[test]
    fn no_character_is_cut_between_parts() {
        let text = "Bảo tàng Mỹ thuật Việt Nam 🎨🎨";
        for size in 5..=text.len() {
            assert_eq!(in_parts(text.as_bytes(), size), Ok(text.to_owned()), "parts of {size}");
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_all_kept() {
        let bytes = b"{\"name\": \"Caf\xe9\"}";
        for size in 5..=bytes.len() {
            assert_eq!(in_parts(bytes, size), Err(bytes.to_vec()), "parts of {size}");
        }
        let continuations = b"ab\x80\x80\x80\x80\x80cd";
        assert_eq!(in_parts(continuations, 6), Err(continuations.to_vec()));
    }

    #[test]
    fn a_character_cut_by_the_end_of_the_file_is_not_utf8() {
        let bytes = &"tàng🎨".as_bytes()[..6];
        assert_eq!(in_parts(bytes, 5), Err(bytes.to_vec()));
    }

    proptest! {
        #[test]
        fn parts_give_what_the_whole_gives(
            text in "[a-zàảãáạăằẳẵắặđêềểễếệ🎨\\\\\" ]{0,40}",
            noise in proptest::collection::vec((0usize..64, any::<u8>()), 0..3),
            size in 5usize..24,
        ) {
            let mut bytes = text.into_bytes();
            for (at, byte) in noise {
                bytes.insert(at % (bytes.len() + 1), byte);
            }
            prop_assert_eq!(in_parts(&bytes, size), at_once(&bytes));
        }
    }
}
