//! The allocator's settings (glibc on Linux only) and the memory probes of the binary (every unix, through libc;
//! nothing elsewhere).

/// Blocks of 1 MiB and more (scratch arrays, tables, hash maps) get their own mapping, returned to the system when
/// freed. glibc's default raises this threshold as big blocks are freed and then keeps them in per-thread heaps,
/// where they stay resident: on ../shared/bench that is 130-166 MiB of peak memory against 100-104.
pub fn set_mmap_threshold() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; it is called at the start of main, before any other thread
    // exists, so no allocation runs concurrently with it.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

/// Returns the heap pages freed so far to the system (glibc keeps them otherwise, and the next phase's peak would
/// stack on them).
pub fn trim_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free heap pages; it has no preconditions and is thread-safe.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Resident memory now and at its peak so far, in MiB (Linux; `None` elsewhere).
pub fn resident() -> (Option<f64>, Option<f64>) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map(|kb| kb as f64 / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// CPU time of the process so far (user + system, all threads), in seconds (Unix; `None` elsewhere).
pub fn cpu_seconds() -> Option<f64> {
    #[cfg(unix)]
    {
        let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
        // SAFETY: getrusage writes a `rusage` into the pointer it is given, which points to one; RUSAGE_SELF is valid.
        let ok = unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) } == 0;
        if !ok {
            return None;
        }
        // SAFETY: getrusage succeeded, so it filled the struct (which was zeroed anyway).
        let usage = unsafe { usage.assume_init() };
        let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        Some(secs(usage.ru_utime) + secs(usage.ru_stime))
    }
    #[cfg(not(unix))]
    None
}
