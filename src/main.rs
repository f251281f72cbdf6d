//! The `stenogram` binary: a thin shell over the library.

mod cli;

/// Small blocks from mimalloc, large ones from the system (glibc Linux; the system's allocator elsewhere).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[global_allocator]
static ALLOCATOR: cli::allocator::Split = cli::allocator::Split;

fn main() -> std::process::ExitCode {
    cli::main()
}
