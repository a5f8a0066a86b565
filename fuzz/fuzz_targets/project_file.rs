//! Fuzz target: arbitrary text as `seloste.yaml` with the sample's register, through the whole
//! pipeline, every reporter and the renderer. Never panics.
#![no_main]

#[allow(dead_code)]
#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    harness::project_file(&String::from_utf8_lossy(data));
});
