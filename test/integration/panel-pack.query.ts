// What the pack page asks for (web/src/features/panel/api/panel-pack.ts), trimmed of text fields.
export const PANEL_PACK = `query($id: ID!) {
  meeting(id: $id) {
    id meetsAt cutoffAt status
    fund {
      id name purpose myRoles
      ledger { contributedPence reservedPence committedPence paidPence availablePence }
      priorities { key label retired }
      contributions { id amountPence restrictedToPriorities restrictedToAreas excludesUnconstituted spendBy restrictedToPhase { name } funder { name } ledger { committedPence paidPence availablePence } }
    }
    people { id role user { id name } funder { name } }
    minutes { attendees { name role } decisions { reference group decision amountPence note } recusals { name reference reason } }
    agenda {
      id reference title summary amountRequestedPence priorityTags assisted myConflict
      group { name legalForm } phase { name }
      scores { value comment panellist { id name } }
      conflicts { reason panellist { name } }
      duplicateFlags { id kind score reasons current verdict note reviewedBy { id name } applications { id reference group { name } } externalGrant { id funderName recipientName currency amountAwardedMinor awardDate } }
      decision { id kind amountPence reason message referredTo version draws { amountPence contribution { id funder { name } } } }
    }
  }
}`;
