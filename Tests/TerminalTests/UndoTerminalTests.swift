import Testing

/// A power user undoes a mistake at the prompt, redoes it, and the undo survives a restart;
/// after the restart, `undo` reaches back into the session before.
@Suite struct UndoTerminalTests {
    @Test func undoAndRedoAtThePromptSurviveARestart() throws {
        let home = try TestHome()
        var shell = try KemuningShell(home: home)
        try shell.enter("vacancy add --title Analis --unit Bappeda --seats 1")
        let added = try shell.enter("vacancy add --title Keliru --unit Bappeda --seats 9")
        #expect(added.contains("vacancy V2 added"))
        let undone = try shell.enter("undo")
        #expect(undone.contains("undid: vacancy add --title Keliru --unit Bappeda --seats 9"))
        let redone = try shell.enter("redo")
        #expect(redone.contains("redid: vacancy add --title Keliru --unit Bappeda --seats 9"))
        try shell.enter("undo")
        #expect(try shell.quit() == 0)
        // The undo was journaled: a new session sees it.
        shell = try KemuningShell(home: home)
        let list = try shell.enter("vacancy list")
        #expect(list.contains("V1  Analis"))
        #expect(!list.contains("Keliru"))
        // The session that made them has ended: undo takes back this operator's last change
        // still standing (the first vacancy), from the undo log; then there is nothing left.
        let earlier = try shell.enter("undo")
        #expect(earlier.contains("undid: vacancy add --title Analis --unit Bappeda --seats 1"), "\(earlier)")
        let nothing = try shell.enter("undo")
        #expect(nothing.contains("nothing to undo"), "\(nothing)")
        #expect(try shell.quit() == 0)
    }
}
