//! Fuzz target: the sample project with arbitrary text as its one register, through the whole
//! pipeline, every reporter and the renderer. Never panics.
#![no_main]

#[allow(dead_code)]
#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    harness::pipeline_register(&String::from_utf8_lossy(data));
});
