//! The Markdown sanitiser under a structural oracle: any text, put through every slot kind
//! the templates have, must leave the document's structure as the template made it and hold
//! no raw HTML (see `seloste::render::sanitize::check_structure`, which the stable property
//! test in `tests/markdown_safety.rs` runs too).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Text fields are UTF-8 by the time they reach the renderer (the loader refuses others).
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(broken) = seloste::render::sanitize::check_structure(text) {
        panic!("{broken}");
    }
});
