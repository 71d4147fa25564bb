// Bahasa Indonesia for the messages of the process: arguments, signals, output errors, input files.
// Same format as `Catalog+id.swift`.
let catalogIndonesianProcess = #"""
en: also: 1 when standard output cannot be written (a full disk), 141 when its reader has gone\n      (| head), 129 and 143 when stopped by SIGHUP and SIGTERM
id: juga: 1 bila keluaran standar tidak dapat ditulis (disk penuh), 141 bila pembacanya sudah tiada\n      (| head), 129 dan 143 bila dihentikan oleh SIGHUP dan SIGTERM

en: stopped by SIGTERM
id: dihentikan oleh SIGTERM

en: stopped by SIGHUP
id: dihentikan oleh SIGHUP

en: stopped: standard output cannot be written
id: dihentikan: keluaran standar tidak dapat ditulis

en: cannot write to standard output: {1}
id: tidak dapat menulis ke keluaran standar: {1}

en: bad number '{1}' for {2}: too large (at most {3})
id: angka '{1}' untuk {2} salah: terlalu besar (paling banyak {3})

en: bad number '{1}' for {2}: too small (at least {3})
id: angka '{1}' untuk {2} salah: terlalu kecil (paling sedikit {3})

en: bad {1} pass mark '{2}': too large (at most {3})
id: nilai ambang batas {1} '{2}' salah: terlalu besar (paling banyak {3})

en: {1} '{2}' is {3}, outside the supported dates ({4} to {5})
id: {1} '{2}' adalah {3}, di luar rentang tanggal yang didukung ({4} sampai {5})

"""#
