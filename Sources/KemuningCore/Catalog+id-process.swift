// Bahasa Indonesia for the messages of the process: arguments, signals, output errors, input files.
// Same format as `Catalog+id.swift`.
let catalogIndonesianProcess = #"""
en: bad KEMUNING_TODAY: {1}
id: KEMUNING_TODAY tidak valid: {1}

en: {1} MiB
id: {1} MiB

en: argument {1} '{2}' is not valid UTF-8: byte 0x{3} at column {4}
id: argumen {1} '{2}' bukan UTF-8 yang valid: byte 0x{3} pada kolom {4}

en: cannot read {1} '{2}': it is {3}, not a regular file
id: tidak dapat membaca {1} '{2}': itu adalah {3}, bukan berkas biasa

en: cannot read {1} '{2}': it is larger than {3}, the most kemuning reads
id: tidak dapat membaca {1} '{2}': ukurannya lebih dari {3}, batas terbesar yang dibaca kemuning

en: cannot read {1}: {2}
id: tidak dapat membaca {1}: {2}

en: cannot read {1}: it is larger than {2}, the most kemuning reads
id: tidak dapat membaca {1}: ukurannya lebih dari {2}, batas terbesar yang dibaca kemuning

en: cannot write '{1}': it leads to {2}, not a regular file
id: tidak dapat menulis '{1}': itu mengarah ke {2}, bukan berkas biasa

en: cannot write '{1}': it is {2}, not a regular file
id: tidak dapat menulis '{1}': itu adalah {2}, bukan berkas biasa

en: a directory
id: direktori

en: a character device
id: perangkat karakter

en: a block device
id: perangkat blok

en: a FIFO
id: FIFO

en: a socket
id: soket

en: snapshot
id: snapshot

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


en: {1} '{2}' is {3}, outside the supported dates ({4} to {5})
id: {1} '{2}' adalah {3}, di luar rentang tanggal yang didukung ({4} sampai {5})

"""#
