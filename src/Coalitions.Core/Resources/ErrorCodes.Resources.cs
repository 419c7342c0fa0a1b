namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of pledges, pooled funds and the shared library.</summary>
    public static class Resources
    {
        /// <summary>A pledge states what is promised, by whom and by when.</summary>
        public static readonly ErrorCode InvalidPledge = new("Resources.InvalidPledge", "A pledge names the member, what kind of contribution it is, a description and a due date; money has a positive amount in one currency, staff time and expertise have hours, and only money goes to a pooled fund.");

        /// <summary>Only a delegate of the member, acting for it, pledges, claims or offers in its name.</summary>
        public static readonly ErrorCode NotADelegate = new("Resources.NotADelegate", "Only a delegate of the member, acting for it, makes or withdraws the member's pledge, submits its expense claims and offers or lends its resources.");

        /// <summary>Only an active member pledges, claims or borrows.</summary>
        public static readonly ErrorCode NotAnActiveMember = new("Resources.NotAnActiveMember", "Only an active member of the coalition pledges, claims an expense, offers or asks for a resource.");

        /// <summary>A receipt matches what was pledged and never exceeds it.</summary>
        public static readonly ErrorCode InvalidReceipt = new("Resources.InvalidReceipt", "A receipt records money in the pledge's currency or hours of the pledged time, no later than today, and never more than what remains of the pledge; a gift beyond a pledge is a new pledge.");

        /// <summary>The pledge's lifecycle does not allow this step now.</summary>
        public static readonly ErrorCode PledgeClosed = new("Resources.PledgeClosed", "A pledge fully received or withdrawn takes no more receipts, and a pledge is withdrawn only before anything of it was received.");

        /// <summary>A fund's rules name its approver, thresholds and overdrafts within bounds.</summary>
        public static readonly ErrorCode InvalidFund = new("Resources.InvalidFund", "A pooled fund has a name, names who approves its expenses (an office of a governance body, or the coordinators), at most one decision threshold and one overdraft limit per currency, each zero or more.");

        /// <summary>An expense claim states who claims what, for what.</summary>
        public static readonly ErrorCode InvalidExpense = new("Resources.InvalidExpense", "An expense claim names the claiming member, a positive amount, its purpose and the date it was incurred, no later than the day it is submitted.");

        /// <summary>The fund has no expense by that number.</summary>
        public static readonly ErrorCode UnknownExpense = new("Resources.UnknownExpense", "An expense is named by the number the fund gave it when it was submitted.");

        /// <summary>The expense's lifecycle does not allow this step now.</summary>
        public static readonly ErrorCode ExpenseNotPending = new("Resources.ExpenseNotPending", "An expense is approved or rejected while submitted, paid once approved, and withdrawn by its claimant before it is paid.");

        /// <summary>Only the approver the fund's rules name approves or rejects an expense.</summary>
        public static readonly ErrorCode NotTheApprover = new("Resources.NotTheApprover", "Only the approver the fund's rules name (the holder of an office of a governance body, acting through one of its member's delegates, or else a coordinator) approves, rejects and pays expenses, and never an expense its own member claimed: no delegate of the claiming member, whichever member they act for, and not the person who submitted it.");

        /// <summary>A payment never takes a balance below zero, or below its overdraft limit.</summary>
        public static readonly ErrorCode InsufficientFunds = new("Resources.InsufficientFunds", "A payment never takes the fund's balance in a currency below zero, or below the overdraft limit its rules allow in that currency.");

        /// <summary>Income is booked once, from a receipt of a money pledge to this fund.</summary>
        public static readonly ErrorCode InvalidIncome = new("Resources.InvalidIncome", "A contribution is booked once, from a recorded receipt of a money pledge made to this fund; a grant names its funder and a positive amount received no later than today.");

        /// <summary>The fund is closed, or cannot close with money in it.</summary>
        public static readonly ErrorCode FundClosed = new("Resources.FundClosed", "A closed fund takes no income and pays nothing; a fund closes only when every balance is zero and no expense awaits a decision or payment.");

        /// <summary>An offer, a request or a loan of the shared library is well formed and fits what the library holds.</summary>
        public static readonly ErrorCode InvalidResource = new("Resources.InvalidResource", "A request is needed by a day still to come; a loan goes to a member other than the lender, is due back on the day it is lent or within five years, and meets only an open request of its borrower; a return is dated from the day of the loan to today.");

        /// <summary>The library has no offer, request or loan by that number.</summary>
        public static readonly ErrorCode UnknownResource = new("Resources.UnknownResource", "An offer, a request or a loan is named by the number the library gave it.");

        /// <summary>The resource cannot be lent, withdrawn or closed now.</summary>
        public static readonly ErrorCode ResourceUnavailable = new("Resources.ResourceUnavailable", "A withdrawn offer, one out on loan or one shared freely is not lent; an offer out on loan is not withdrawn; a request met or closed, or a loan returned, is so once.");

        /// <summary>The library is closed, or cannot close with something out on loan.</summary>
        public static readonly ErrorCode LibraryClosed = new("Resources.LibraryClosed", "A closed library takes no offers, requests or loans; a library closes only when nothing is out on loan.");

        /// <summary>A statement covers a period within bounds.</summary>
        public static readonly ErrorCode InvalidPeriod = new("Resources.InvalidPeriod", "A statement covers a period of at most ten years, from its first day to its last, in that order.");
    }
}
