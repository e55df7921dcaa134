//! The `specwright` binary: `specwright_cli::run` on the process's
//! arguments (see the library's docs for the commands).

use std::process::ExitCode;

// Generation builds and drops millions of small token trees; a big spec
// generates in about 60% of the time with mimalloc that it takes with glibc's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    specwright_cli::run(std::env::args_os())
}
